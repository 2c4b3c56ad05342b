/** Where "today" comes from; a fixed clock in tests. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// Indonesia spans UTC+7 to UTC+9; a date is "in the future" only once it is future in Papua too.
const easternmostDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Jayapura',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date (YYYY-MM-DD) in Indonesia's easternmost time zone. */
export const todayIn = (clock: Clock): string => easternmostDate.format(clock.now());
