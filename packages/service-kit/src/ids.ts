import { badInput } from './errorCodes.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Ids are UUIDs; anything else is BAD_USER_INPUT naming the argument. */
export function assertUuid(value: string, field: string): string {
  if (!isUuid(value)) throw badInput(`"${field}" is not a valid id.`, field);
  return value.toLowerCase();
}
