import type { NotificationChannel } from '../generated/prisma/client.ts';

export interface RenderedMessage {
  subject: string;
  body: string;
}

interface Template<Values> {
  /** The channels this message goes out on (each subject to the user's preferences). */
  channels: readonly NotificationChannel[];
  render(values: Values): RenderedMessage;
}

const money = (amountCents: number, currency: string) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amountCents / 100);

/** A showtime as the ticket holder reads it: in the theater's own time zone. */
const localTime = (startsAt: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(
    new Date(startsAt),
  );

export interface TicketValues {
  bookingId: string;
  movieTitle: string;
  theaterName: string;
  startsAt: string;
  timeZone: string;
  seats: string[];
  amountCents: number;
  currency: string;
}

/**
 * Every message CineGraph sends, by template name. The issues that add reviews, bookings
 * and payments add theirs here.
 */
export const templates = {
  welcome: {
    channels: ['EMAIL'],
    render: ({ displayName }: { displayName: string }) => ({
      subject: `Welcome to CineGraph, ${displayName}`,
      body: [
        `Hello ${displayName},`,
        '',
        'Your CineGraph account is ready. Find a film, pick your seats and we will keep you',
        'posted about your bookings here.',
        '',
        'See you at the movies!',
      ].join('\n'),
    }),
  },
  reviewPublished: {
    channels: ['EMAIL'],
    render: ({ movieTitle, rating }: { movieTitle: string; rating: number }) => ({
      subject: `Your review of ${movieTitle} is published`,
      body: [
        `Thank you for reviewing ${movieTitle}.`,
        '',
        `Your ${rating}/10 review is now on the movie's page for everyone to read. You can`,
        'change or remove it at any time.',
      ].join('\n'),
    }),
  },
  ticket: {
    channels: ['EMAIL', 'PUSH'],
    render: (ticket: TicketValues) => ({
      subject: `Your tickets: ${ticket.movieTitle}, ${localTime(ticket.startsAt, ticket.timeZone)}`,
      body: [
        `${ticket.movieTitle}`,
        `${ticket.theaterName}`,
        `${localTime(ticket.startsAt, ticket.timeZone)}`,
        `Seats: ${ticket.seats.join(', ')}`,
        `Paid: ${money(ticket.amountCents, ticket.currency)}`,
        '',
        `Booking reference: ${ticket.bookingId}. Show this message at the door.`,
      ].join('\n'),
    }),
  },
  bookingCancelled: {
    channels: ['EMAIL'],
    render: ({ bookingId, reason }: { bookingId: string; reason: string }) => ({
      subject: 'Your booking has been cancelled',
      body: [
        `Your booking ${bookingId} has been cancelled (${reason}); its seats are free again.`,
        'If you had paid, the refund follows in a separate message.',
      ].join('\n'),
    }),
  },
  bookingExpired: {
    channels: ['EMAIL'],
    render: ({ bookingId }: { bookingId: string }) => ({
      subject: 'Your seats were released',
      body: `Booking ${bookingId} was not paid in time, so its seats were released. You have not been charged.`,
    }),
  },
  paymentFailed: {
    channels: ['EMAIL'],
    render: ({ bookingId, reason }: { bookingId: string; reason: string }) => ({
      subject: 'Your payment did not go through',
      body: [
        `The payment for booking ${bookingId} was refused (${reason.replaceAll('_', ' ')}).`,
        'The booking is cancelled and you have not been charged; you are welcome to book again.',
      ].join('\n'),
    }),
  },
  paymentRefunded: {
    channels: ['EMAIL'],
    render: (refund: { bookingId: string; amountCents: number; currency: string }) => ({
      subject: `Refund of ${money(refund.amountCents, refund.currency)}`,
      body: `We have refunded ${money(refund.amountCents, refund.currency)} for booking ${refund.bookingId}.`,
    }),
  },
} satisfies Record<string, Template<never>>;

export type TemplateName = keyof typeof templates;
export type TemplateValues<Name extends TemplateName> = Parameters<
  (typeof templates)[Name]['render']
>[0];
