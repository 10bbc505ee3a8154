import { hashPassword } from '../auth/passwords.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/**
 * Development accounts, documented in the README. Never run the seed against a
 * production database: these passwords are public.
 */
export const seedAccounts = [
  {
    email: 'admin@cinegraph.dev',
    password: 'cinegraph-admin-password',
    displayName: 'CineGraph Admin',
    role: 'ADMIN',
  },
  {
    email: 'alice@cinegraph.dev',
    password: 'cinegraph-demo-password',
    displayName: 'Alice Moreau',
    role: 'USER',
  },
  {
    email: 'partner@cinegraph.dev',
    password: 'cinegraph-partner-password',
    displayName: 'Acme Tickets',
    role: 'PARTNER',
  },
] as const;

export async function seedUsers(db: PrismaClient) {
  let created = 0;
  for (const account of seedAccounts) {
    if (await db.user.findUnique({ where: { email: account.email }, select: { id: true } }))
      continue;
    const { password, ...fields } = account;
    await db.user.create({ data: { ...fields, passwordHash: await hashPassword(password) } });
    created++;
  }
  return { accounts: created };
}
