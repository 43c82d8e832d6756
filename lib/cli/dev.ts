import { runCommand } from "./context";
import { serve } from "./serve";

runCommand(() => serve("dev"));
