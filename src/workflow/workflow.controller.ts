import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { WORKFLOW_STATES, type WorkflowState } from './workflow.definition.js';
import { describeWorkflow } from './workflow.machine.js';

class WorkflowStateView {
  @ApiProperty({ enum: WORKFLOW_STATES })
  name: WorkflowState;

  @ApiProperty({ example: 'Under discussion' })
  label: string;

  @ApiProperty()
  terminal: boolean;
}

class WorkflowTransitionView {
  @ApiProperty({ enum: WORKFLOW_STATES })
  from: WorkflowState;

  @ApiProperty({ enum: WORKFLOW_STATES })
  to: WorkflowState;

  @ApiProperty()
  requiresReason: boolean;
}

class WorkflowView {
  @ApiProperty({ enum: WORKFLOW_STATES, example: 'proposed' })
  initial: WorkflowState;

  @ApiProperty({ type: [WorkflowStateView] })
  states: WorkflowStateView[];

  @ApiProperty({ type: [WorkflowTransitionView] })
  transitions: WorkflowTransitionView[];
}

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('api/workflow')
export class WorkflowController {
  private readonly workflow = describeWorkflow();

  @Get()
  @ApiOperation({
    summary: 'The states and the allowed transitions, as data',
    description: 'The same table the service checks every transition against; any token may read it.',
  })
  @ApiOkResponse({ type: WorkflowView })
  @ApiProblems()
  describe(): WorkflowView {
    return this.workflow;
  }
}
