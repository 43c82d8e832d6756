// zod's default messages in Vietnamese, for every schema without a message of its own: a
// refusal must always be readable by the people who use the app. Imported, for its effect,
// by each module of lib/validation that defines schemas.
import { z } from "zod";

z.config(z.locales.vi());
