import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStack } from '@cinegraph/stack/testing';
import { counterValue, eventually } from '@cinegraph/testing';
import { registerInBrowser, useBrowser } from './support/browser.ts';
import { bookableShowtimeId } from './support/showtimes.ts';

// The web app as `npm start` serves it (the production build: persisted ids only, which the
// gateway's `web` safelist enforces), in real Chromium, against the whole supergraph.
const stack = useStack({ web: true });
const browser = useBrowser();
// Each test is a customer's journey through several pages in a real browser.
const JOURNEY_MS = 90_000;
const web = () => stack.urls['web']!;

const seat = (page: Page, label: string) => page.locator(`.seat-map button[data-seat="${label}"]`);
const availableCount = async (page: Page) =>
  Number(await page.getByTestId('available-count').innerText());

describe('the seat map', { timeout: JOURNEY_MS }, () => {
  it('shows one customer’s held seats to another live, then books, pays and shows the ticket and the message', async () => {
    const showtimeId = await bookableShowtimeId(stack);
    const alice = await browser.newPage();
    const bob = await browser.newPage();
    await registerInBrowser(alice, web(), 'Alice');
    await registerInBrowser(bob, web(), 'Bob');

    // What Bob's page says on its socket.
    const frames: { type: string; payload?: Record<string, unknown> }[] = [];
    bob.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => frames.push(JSON.parse(String(payload)))),
    );

    const subscriptionsBefore = await counterValue(
      stack.urls['gateway']!,
      'gateway_subscriptions_active',
    );
    await alice.goto(`${web()}/showtimes/${showtimeId}`);
    await bob.goto(`${web()}/showtimes/${showtimeId}`);
    await alice.locator('.seat-map').waitFor();
    await bob.locator('.seat-map').waitFor();
    // Both pages subscribed (through the gateway, by persisted id) before anyone moves.
    await eventually(async () =>
      (await counterValue(stack.urls['gateway']!, 'gateway_subscriptions_active')) >=
      subscriptionsBefore + 2
        ? true
        : undefined,
    );

    // The socket names the client in connection_init and subscribes by persisted id only.
    expect(frames.find((f) => f.type === 'connection_init')?.payload).toMatchObject({
      'apollographql-client-name': 'web',
      authorization: expect.stringMatching(/^Bearer /),
    });
    const subscribe = frames.find((f) => f.type === 'subscribe')!.payload!;
    expect(subscribe['query']).toBe('');
    expect(subscribe['extensions']).toMatchObject({ persistedQuery: { version: 1 } });

    const free = alice.locator('.seat-map button[data-status="AVAILABLE"]');
    const labels = [
      await free.nth(0).getAttribute('data-seat'),
      await free.nth(1).getAttribute('data-seat'),
    ] as string[];
    const bobCount = await availableCount(bob);
    await browser.screenshot(bob, 'seat-map-before');

    for (const label of labels) await seat(alice, label).click();
    await alice.getByRole('button', { name: 'Hold 2 seats' }).click();
    for (const label of labels)
      await expect.poll(() => seat(alice, label).getAttribute('data-status')).toBe('MINE');

    // Bob's page, never reloaded, sees them go.
    for (const label of labels) {
      await expect.poll(() => seat(bob, label).getAttribute('data-status')).toBe('HELD');
      expect(await seat(bob, label).getAttribute('aria-label')).toContain('unavailable');
    }
    await expect.poll(() => availableCount(bob)).toBe(bobCount - 2);
    // Bob cannot pick them (the seat says so, and a click changes nothing).
    expect(await seat(bob, labels[0]!).getAttribute('aria-disabled')).toBe('true');
    await seat(bob, labels[0]!).click({ force: true });
    expect(await bob.getByRole('button', { name: /^Hold/ }).isDisabled()).toBe(true);
    await browser.screenshot(bob, 'seat-map-live');

    await alice.getByLabel('Test card').selectOption('tok_visa');
    await alice.getByRole('button', { name: /^Book and pay/ }).click();
    await alice.waitForURL(/\/bookings\/[\w-]+$/);
    await expect
      .poll(() => alice.getByTestId('booking-status').innerText(), { timeout: 20_000 })
      .toBe('Confirmed');
    await alice.getByRole('heading', { name: 'Your ticket' }).waitFor();
    expect(await alice.locator('.ticket').innerText()).toContain(labels.join(', '));
    await browser.screenshot(alice, 'ticket');

    // Sold, on Bob's page too.
    for (const label of labels)
      await expect.poll(() => seat(bob, label).getAttribute('data-status')).toBe('SOLD');

    // The ticket arrives as a message (the notifications subgraph consumed the saga's events).
    await alice.getByRole('link', { name: /^Notifications/ }).click();
    await alice
      .getByRole('heading', { name: /^Your tickets:/ })
      .first()
      .waitFor({ timeout: 20_000 });
    await browser.screenshot(alice, 'notifications');

    expect(browser.failures).toEqual([]);
  });
});

describe('paying', { timeout: JOURNEY_MS }, () => {
  it('explains a declined card, releases the seats, and lists the cancelled booking', async () => {
    const showtimeId = await bookableShowtimeId(stack);
    const page = await browser.newPage();
    await registerInBrowser(page, web(), 'Grace');
    await page.goto(`${web()}/showtimes/${showtimeId}`);
    const free = page.locator('.seat-map button[data-status="AVAILABLE"]');
    const label = (await free.nth(5).getAttribute('data-seat'))!;
    await seat(page, label).click();
    await page.getByRole('button', { name: 'Hold 1 seat' }).click();
    await expect.poll(() => seat(page, label).getAttribute('data-status')).toBe('MINE');

    await page.getByLabel('Test card').selectOption('tok_declined');
    await page.getByRole('button', { name: /^Book and pay/ }).click();
    await expect
      .poll(() => page.getByRole('status').innerText())
      .toContain('Your card was declined (card_declined)');
    // The saga cancels the booking and gives the seat back, live.
    await expect.poll(() => seat(page, label).getAttribute('data-status')).toBe('AVAILABLE');
    await browser.screenshot(page, 'card-declined');

    await page.getByRole('link', { name: 'Bookings' }).click();
    const booking = page.getByRole('article', { name: /^Booking for/ }).first();
    await expect.poll(() => booking.getByTestId('booking-status').innerText()).toBe('Cancelled');
    expect(await booking.innerText()).toContain('Payment declined (card_declined)');
    expect(browser.failures).toEqual([]);
  });

  it('cancels a paid booking from My bookings and shows the refund', async () => {
    const showtimeId = await bookableShowtimeId(stack);
    const page = await browser.newPage();
    await registerInBrowser(page, web(), 'Heidi');
    await page.goto(`${web()}/showtimes/${showtimeId}`);
    const label = (await page
      .locator('.seat-map button[data-status="AVAILABLE"]')
      .nth(8)
      .getAttribute('data-seat'))!;
    // By keyboard: one tab stop for the map, arrows to move, Space to pick.
    await seat(page, label).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    expect(await seat(page, label).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.seat-map button[tabindex="0"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Hold 1 seat' }).click();
    await page.getByRole('button', { name: /^Book and pay/ }).click();
    await page.waitForURL(/\/bookings\/[\w-]+$/);
    await expect
      .poll(() => page.getByTestId('booking-status').innerText(), { timeout: 20_000 })
      .toBe('Confirmed');

    await page.getByRole('link', { name: 'All my bookings' }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Cancel booking' }).first().click();
    const booking = page.getByRole('article', { name: /^Booking for/ }).first();
    await expect
      .poll(() => booking.getByTestId('booking-status').innerText(), { timeout: 20_000 })
      .toBe('Cancelled and refunded');
    expect(await booking.innerText()).toContain('Your payment was refunded.');
    await browser.screenshot(page, 'bookings');
    expect(browser.failures).toEqual([]);
  });
});
