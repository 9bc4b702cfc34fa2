/** The wire's methods, one handler each. */
import type { MethodName } from '../../protocol/messages.ts';
import type { Handler } from '../context.ts';
import { brief } from './brief.ts';
import { broadcast } from './broadcast.ts';
import { claim } from './claim.ts';
import { claims } from './claims.ts';
import { checkEdit } from './check-edit.ts';
import { recordEdit } from './record-edit.ts';
import { workingSets } from './working-sets.ts';
import { end } from './end.ts';
import { peers } from './peers.ts';
import { release } from './release.ts';
import { ack } from './ack.ts';
import { peek } from './peek.ts';
import { drain } from './drain.ts';
import { hello } from './hello.ts';
import { history } from './history.ts';
import { inbox } from './inbox.ts';
import { register } from './register.ts';
import { shutdown } from './shutdown.ts';
import { status } from './status.ts';
import { subscribe } from './subscribe.ts';

export const handlers: { [M in MethodName]: Handler<M> } = {
  hello,
  register,
  broadcast,
  peek,
  ack,
  drain,
  inbox,
  status,
  shutdown,
  claim,
  release,
  claims,
  checkEdit,
  recordEdit,
  workingSets,
  peers,
  end,
  brief,
  history,
  subscribe,
};
