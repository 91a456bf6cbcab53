export interface ShowOptions {
  json?: boolean;
}
