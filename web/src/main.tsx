import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { createApolloClient } from './apollo/client.ts';
import { loadRuntimeConfig } from './apollo/config.ts';
import { SessionStore } from './apollo/session.ts';
import { AppContext } from './appContext.ts';
import './styles.css';

const config = await loadRuntimeConfig();
const session = new SessionStore();
const cinegraph = createApolloClient(config, session);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={cinegraph.client}>
      <AppContext.Provider value={{ session, onSocketConnected: cinegraph.onSocketConnected }}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </AppContext.Provider>
    </ApolloProvider>
  </StrictMode>,
);
