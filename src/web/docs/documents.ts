/**
 * The project's documents served in the app, read from docs/ at build time (each its own chunk, loaded when
 * opened). The app links here wherever it cites one.
 */
export const DOCUMENTS = {
  'model-card': {
    title: 'Model card',
    file: 'docs/model-card.md',
    load: () => import('../../../docs/model-card.md?raw'),
  },
  'network-playbook': {
    title: 'The networking playbook',
    file: 'docs/network-playbook.md',
    load: () => import('../../../docs/network-playbook.md?raw'),
  },
} as const;

export type DocumentName = keyof typeof DOCUMENTS;

export const isDocumentName = (name: string | undefined): name is DocumentName =>
  name !== undefined && Object.hasOwn(DOCUMENTS, name);

/** The in-app address of a document, optionally at a heading's id. */
export const documentPath = (name: DocumentName, anchor?: string) =>
  `/docs/${name}${anchor ? `#${anchor}` : ''}`;

/**
 * Where a link inside a document goes: a served document in the app (`model-card.md`, `docs/model-card.md#x`), a
 * heading on the same page, an outside address, or nowhere (a repository file the app does not serve).
 */
export function resolveDocLink(href: string): { to: string } | { external: string } | null {
  if (/^https?:\/\//.test(href)) return { external: href };
  if (href.startsWith('#')) return { to: href };
  const [path = '', anchor] = href.split('#');
  const name = path.replace(/^(\.\/|\.\.\/)*(docs\/)?/, '').replace(/\.md$/, '');
  return isDocumentName(name) ? { to: documentPath(name, anchor) } : null;
}
