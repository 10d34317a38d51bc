// The interpreter feature: which Python runs the checks, and Select Python Interpreter.
import * as vscode from 'vscode';
import { Commands } from '../../ids';
import { Configuration } from '../config';
import { InterpreterService } from './service';

/** Creates the interpreter service and its command. */
export function registerInterpreter(deps: {
  context: vscode.ExtensionContext;
  output: vscode.OutputChannel;
  config: Configuration;
}): InterpreterService {
  const interpreters = new InterpreterService(deps.output, deps.config);
  deps.context.subscriptions.push(
    interpreters,
    vscode.commands.registerCommand(Commands.selectInterpreter, () => interpreters.select()),
  );
  return interpreters;
}
