// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
// Imported by host-module-source-dep_FIXTURE.js when the host loads it.
export default "host leaf";
