export { serveConsole, graphqlBrowserRedirect } from './serve-console';
export { CONSOLE_CSP } from './console-headers';
