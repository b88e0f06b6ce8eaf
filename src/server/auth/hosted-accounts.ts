import type { AccountsService } from '../../app/accounts/accounts-service.js';
import type { ProxyTrust } from './request-origin.js';

/** What hosted mode adds to the app: the accounts service, and whether a reverse proxy's headers are believed. */
export interface HostedAccounts extends ProxyTrust {
  accounts: AccountsService;
}
