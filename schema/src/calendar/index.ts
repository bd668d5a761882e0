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
  monthIndex,
  parseCalendarDate,
  type CalendarParts,
} from './calendar-date.js';
