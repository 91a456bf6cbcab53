export interface ShowOptions {
  quiet?: boolean;
  json?: boolean;
}
