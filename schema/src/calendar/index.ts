export {
  addDays,
  addMonths,
  type CalendarParts,
  dateInZone,
  dayNumber,
  daysInMonth,
  formatCalendarDate,
  fromDayNumber,
  isLeapYear,
  isoWeekday,
  monthIndex,
  parseCalendarDate,
} from './calendar-date.js';
