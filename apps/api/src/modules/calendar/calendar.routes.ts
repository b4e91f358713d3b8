import { govUkBankHolidaysSchema } from '@waymark/domain';
import {
  bankHolidayImportResultSchema,
  bankHolidayListSchema,
  dayQuerySchema,
  dayViewSchema,
  replaceTermDatesBodySchema,
  schoolParamsSchema,
  termDatesQuerySchema,
  termDatesViewSchema,
} from '@waymark/domain/contracts/calendar';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { createCalendarRepository } from './calendar.repository.ts';
import {
  describeSchoolDay,
  getTermDates,
  importBankHolidays,
  replaceTermDates,
} from './calendar.usecases.ts';

const operation = describedAs(['Term dates and calendar']);

export function calendarRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/schools/:schoolId/term-dates',
      operation(
        requires('term_dates.read'),
        "A school's half-terms, INSET and closure days for one academic year",
        {
          params: schoolParamsSchema,
          querystring: termDatesQuerySchema,
          response: { 200: termDatesViewSchema },
        },
      ),
      (request) =>
        getTermDates({
          db,
          actor: actorOf(request),
          schoolId: request.params.schoolId,
          academicYear: request.query.academicYear,
        }),
    );

    app.put(
      '/schools/:schoolId/term-dates',
      operation(requires('term_dates.manage'), "Replace a school's term dates for one academic year", {
        params: schoolParamsSchema,
        body: replaceTermDatesBodySchema,
        response: { 200: termDatesViewSchema },
      }),
      (request) =>
        replaceTermDates({ ...command(request), schoolId: request.params.schoolId, ...request.body }),
    );

    app.get(
      '/schools/:schoolId/calendar/day',
      operation(
        requires('term_dates.read'),
        'Is this a school day here, which half-term is it in, and what date is N school days on',
        { params: schoolParamsSchema, querystring: dayQuerySchema, response: { 200: dayViewSchema } },
      ),
      (request) =>
        describeSchoolDay({
          db,
          actor: actorOf(request),
          schoolId: request.params.schoolId,
          date: request.query.date,
          addSchoolDays: request.query.addSchoolDays,
        }),
    );

    app.get(
      '/bank-holidays',
      operation(requires('term_dates.read'), 'England and Wales bank holidays', {
        response: { 200: bankHolidayListSchema },
      }),
      async () => ({ bankHolidays: await createCalendarRepository({ db }).bankHolidays() }),
    );

    app.post(
      '/bank-holidays/import',
      operation(
        requires('bank_holidays.manage'),
        'Import bank holidays from a GOV.UK bank-holidays.json file',
        { body: govUkBankHolidaysSchema, response: { 200: bankHolidayImportResultSchema } },
      ),
      (request) => importBankHolidays({ ...command(request), feed: request.body }),
    );
  };
}
