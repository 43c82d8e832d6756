import { runCommand } from "./command";
import { serve } from "./serve";

runCommand(() => serve("dev"));
