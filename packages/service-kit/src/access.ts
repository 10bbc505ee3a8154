import { forbidden, unauthenticated } from './errorCodes.ts';
import type { Viewer } from './jwt.ts';

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

export function requireAdmin(viewer: Viewer | null): Viewer {
  const known = requireViewer(viewer);
  if (known.role !== 'ADMIN') throw forbidden('Only admins may do this.');
  return known;
}

/** The account holder themself, or an admin. */
export function requireSelfOrAdmin(viewer: Viewer | null, userId: string): Viewer {
  const known = requireViewer(viewer);
  if (known.id !== userId && known.role !== 'ADMIN')
    throw forbidden('This is private to the account holder.');
  return known;
}
