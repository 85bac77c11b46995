import { Module } from '@nestjs/common';
import { AgencyDirectory } from '@salur/directory';
import { RouteSubmission } from './application/route-submission/route-submission.use-case';
import { SubmissionsHandler } from './messaging/submissions.handler';
import { DirectoryAgencyLookup } from './persistence/directory-agency-lookup';

const systemClock = { now: () => new Date() };

@Module({
  controllers: [SubmissionsHandler],
  providers: [
    {
      provide: RouteSubmission,
      useFactory: () =>
        new RouteSubmission(new DirectoryAgencyLookup(AgencyDirectory.standard()), systemClock),
    },
  ],
})
export class CasesModule {}
