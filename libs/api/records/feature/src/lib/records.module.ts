import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@steward/api-audit-feature';
import { RecordChange } from './record-change.entity';
import { RecordEntity } from './record.entity';
import { RecordsController } from './records.controller';
import { RecordsService } from './records.service';

/** Business records: CRUD with soft delete, history and audit, scoped by organization. */
@Module({
  imports: [TypeOrmModule.forFeature([RecordEntity, RecordChange]), AuditModule],
  controllers: [RecordsController],
  providers: [RecordsService],
})
export class RecordsModule {}
