export {
  addDays,
  addMonths,
  dateInZone,
  dayNumber,
  daysInMonth,
  formatCalendarDate,
  fromDayNumber,
  isLeapYear,
  isoWeekday,
  parseCalendarDate,
  type CalendarParts,
} from './calendar-date.js';
