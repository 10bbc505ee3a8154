import { emit } from '@cinegraph/events';
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
    const passwordHash = await hashPassword(password);
    // Seeded accounts are registrations like any other: notifications hears of them.
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { ...fields, passwordHash } });
      await emit(tx, 'user.registered', {
        userId: user.id,
        email: user.email,
        displayName: user.displayName,
      });
    });
    created++;
  }
  return { accounts: created };
}
