/**
 * The user a service acts for: the signed-in account in hosted mode, the one local user otherwise. Services carry
 * it and pass `userId` to the repositories as their owner id (src/db takes it as a plain string, never this type).
 */
export interface Actor {
  readonly userId: string;
}
