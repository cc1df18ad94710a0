// The meeting a corrected event is moved to when the person clears it: not a slug, so never a meeting's.
export const NO_MEETING = '(none)';
