/**
 * Specialties with their ACGME specialty code: the first three digits of an ACGME program id
 * and the middle of an NRMP program code (nrmp.org "Program Codes and Types"; 120 = family medicine,
 * 140 = internal medicine). Matchwise starts with family medicine; the rest are listed so a catalog
 * of another specialty imports with the right label.
 */
export const SPECIALTIES = {
  'family-medicine': { acgmeCode: '120', name: 'Family medicine' },
  'internal-medicine': { acgmeCode: '140', name: 'Internal medicine' },
  pediatrics: { acgmeCode: '320', name: 'Pediatrics' },
  psychiatry: { acgmeCode: '400', name: 'Psychiatry' },
  'emergency-medicine': { acgmeCode: '110', name: 'Emergency medicine' },
  'obstetrics-gynecology': { acgmeCode: '220', name: 'Obstetrics and gynecology' },
  neurology: { acgmeCode: '180', name: 'Neurology' },
  'general-surgery': { acgmeCode: '440', name: 'General surgery' },
} as const;

export type Specialty = keyof typeof SPECIALTIES;
export const SPECIALTY_IDS = Object.keys(SPECIALTIES) as [Specialty, ...Specialty[]];

/** The specialty an ACGME program id belongs to, from its first three digits; null when not listed. */
export function specialtyFromAcgmeId(acgmeId: string): Specialty | null {
  const prefix = acgmeId.slice(0, 3);
  for (const id of SPECIALTY_IDS) {
    if (SPECIALTIES[id].acgmeCode === prefix) return id;
  }
  return null;
}
