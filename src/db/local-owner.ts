/**
 * The owner of every row in a local (one-person) database: local mode has no accounts, so the CLI, the local
 * server and the static edition act as this owner, and migration 0010 gave it everything stored before owners
 * existed. A hosted account never has this id (accounts get random ids).
 */
export const LOCAL_OWNER_ID = '00000000-0000-0000-0000-000000000001';
