import { defaultNetworkSettings } from '../network/network-settings.js';
import { contact } from '../network/test-support.js';
import { emptyProfile } from '../profile/applicant-profile.js';
import { defaultSmartPickSettings } from '../smartpick/settings-schema.js';
import { type Backup, type BackupData, emptyBackupData, toBackup } from './backup-schema.js';

/** Examples for the backup tests: an applicant with a profile and two contacts, exported on 25 November. */
export const EXPORTED_AT = new Date('2026-11-25T12:00:00Z');

export function defaultsOnly(): BackupData {
  return emptyBackupData({
    smartpickSettings: defaultSmartPickSettings(),
    networkSettings: defaultNetworkSettings(),
  });
}

export function smallBackup(): Backup {
  const data = defaultsOnly();
  return toBackup(
    {
      ...data,
      profile: { ...emptyProfile(), name: 'Amina', graduationYear: 2022 },
      network: {
        ...data.network,
        contacts: [
          contact({ id: 'c-lee', name: 'Anna Lee', email: 'anna.lee@riverside.example' }),
          contact({ id: 'c-omar', name: 'Omar Haddad' }),
        ],
      },
    },
    { exportedAt: EXPORTED_AT, appVersion: '0.1.0' },
  );
}
