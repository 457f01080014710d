// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
// Imported by host-module-source.js.
import leaf from "./host-module-source-leaf_FIXTURE.js";
globalThis.hostModuleSourceRuns = (globalThis.hostModuleSourceRuns || 0) + 1;
export const count = 1;
export { leaf };
