// msgpackr loads its native add-on inside try/catch and falls back to pure JavaScript.
throw new Error("msgpackr-extract is replaced by a stub in this project: msgpackr runs in pure JavaScript");
