import { expect } from 'vitest';
import type { TestStack } from '@cinegraph/stack/testing';
import type { Account } from './accounts.ts';

export const HOLD = /* GraphQL */ `
  mutation ($showtimeId: ID!, $seatIds: [ID!]!) {
    holdSeats(showtimeId: $showtimeId, seatIds: $seatIds) {
      id
      totalCents
    }
  }
`;
export const BOOK = /* GraphQL */ `
  mutation ($holdId: ID!, $key: String!) {
    createBooking(holdId: $holdId, idempotencyKey: $key) {
      id
      totalCents
    }
  }
`;
/** The viewer's latest notifications. */
export const INBOX = /* GraphQL */ `
  query {
    me {
      notifications(first: 20) {
        edges {
          node {
            template
            subject
            body
          }
        }
      }
    }
  }
`;

/** Holds `seats` for `customer` and books them with `key`: the booking, waiting for payment. */
export async function bookSeats(
  stack: TestStack,
  customer: Account,
  showtimeId: string,
  seats: string[],
  key: string,
): Promise<{ id: string; totalCents: number }> {
  const held = await stack.graphql<{ holdSeats: { id: string } }>(HOLD, {
    token: customer.token,
    variables: { showtimeId, seatIds: seats },
  });
  expect(held.errors).toBeUndefined();
  const booked = await stack.graphql<{ createBooking: { id: string; totalCents: number } }>(BOOK, {
    token: customer.token,
    variables: { holdId: held.data!.holdSeats.id, key },
  });
  expect(booked.errors).toBeUndefined();
  return booked.data!.createBooking;
}
