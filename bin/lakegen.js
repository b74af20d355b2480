#!/usr/bin/env node
import { launch } from '../dist/generator/cli/launch.js';

launch(process.argv.slice(2), process.env);
