// Starts GraphiQL on the gateway's own endpoint. Served as a file (not inline) so that the
// Content-Security-Policy can forbid inline scripts.
/* global window, document, React, ReactDOM, GraphiQL */
const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
const defaultQuery = `# Welcome to CineGraph. Press the run button (or Ctrl-Enter).
query Genres {
  genres {
    id
    name
  }
}
`;
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
  }),
);
