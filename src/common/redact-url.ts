// Query parameters whose values are secrets when a client sends them (some put a token in the URL):
// bearer and jwt carry tokens, and _csrf the console's form token (a GET form would put it there).
const SECRET_NAME = /token|secret|passw|pwd|api[-_]?key|auth|credential|session|signature|bearer|jwt|csrf|^sig$|^key$/i;

// The URL as the request log shows it: the value of a parameter with a secret's name is replaced,
// the rest stays byte for byte as sent.
export function redactedUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) {
    return url;
  }
  const pairs = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const separator = pair.indexOf('=');
      const name = separator === -1 ? pair : pair.slice(0, separator);
      return separator !== -1 && SECRET_NAME.test(decodedName(name)) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, queryStart)}?${pairs.join('&')}`;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
