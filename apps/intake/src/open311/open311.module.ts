import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { Open311Controller } from './http/open311.controller';

@Module({
  imports: [ComplaintsModule],
  controllers: [Open311Controller],
})
export class Open311Module {}
