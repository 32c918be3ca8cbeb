export * from './evidence-document';
export * from './render-markdown';
export * from './render-html';
export * from './render-pdf';
export { toWinAnsi } from './win-ansi';
