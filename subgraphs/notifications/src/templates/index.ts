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
} satisfies Record<string, Template<never>>;

export type TemplateName = keyof typeof templates;
export type TemplateValues<Name extends TemplateName> = Parameters<
  (typeof templates)[Name]['render']
>[0];
