import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Session, SessionStore } from './apollo/session.ts';

export interface AppServices {
  session: SessionStore;
  onSocketConnected(listener: () => void): () => void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useAppServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useAppServices outside <AppContext.Provider>');
  return services;
}

/** The signed-in session (null when signed out), re-rendering when it changes in any tab. */
export function useSession(): Session | null {
  const { session } = useAppServices();
  return useSyncExternalStore(session.subscribe, session.current);
}
