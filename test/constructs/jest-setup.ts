/** Registers cdktf's jest matchers (toHaveResourceWithProperties, toBeValidTerraform, …) for every test file. */
import { Testing } from 'cdktf';

Testing.setupJest();
