/** Query parameters that carry a credential (`password`, `sslpassword`, `token`, ...): their values are masked. */
const CREDENTIAL_PARAM = /pass|secret|token|credential/i;

function isCredentialParam(encodedName: string): boolean {
  try {
    return CREDENTIAL_PARAM.test(decodeURIComponent(encodedName.replaceAll('+', ' ')));
  } catch {
    return CREDENTIAL_PARAM.test(encodedName);
  }
}

/**
 * A database or Redis URL safe to log or put in an error: the userinfo password and every
 * credential query parameter (`?password=`, `?sslpassword=`, ...) become `***`; the rest (user,
 * host, port, database, other parameters) is kept so that the message still says where.
 * A URL that does not parse is not repeated at all.
 * @example redactUrl('postgres://u:pw@db:5432/app?sslpassword=x') // 'postgres://u:***@db:5432/app?sslpassword=***'
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    const scheme = /^[a-z][a-z\d+.-]*:/i.exec(url)?.[0] ?? '';
    return `${scheme}//(unparsable URL)`;
  }
  if (parsed.password !== '') parsed.password = '***';
  parsed.search = parsed.search.replace(/([?&])([^=&]*)=([^&]*)/g, (pair, separator: string, name: string) =>
    isCredentialParam(name) ? `${separator}${name}=***` : pair,
  );
  parsed.hash = '';
  return parsed.toString();
}
