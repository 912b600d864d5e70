package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

// envPrefix starts the environment variables that give flags their
// values, as HUGO_* do for Hugo: BRIEF_BASE_URL for --base-url,
// BRIEF_DRAFTS=true for --drafts. A flag on the command line wins.
const envPrefix = "BRIEF_"

// envName is the variable of a flag: BRIEF_ and its name in capitals,
// dashes made underscores.
func envName(flagName string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// fromEnv sets the flags of fs that have a variable in the environment.
// One-letter flags are skipped: each is a short form of a long one
// (-s of --source), whose variable it shares.
func fromEnv(fs *flag.FlagSet) error {
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if err != nil || len(f.Name) == 1 {
			return
		}
		name := envName(f.Name)
		v, ok := os.LookupEnv(name)
		if !ok {
			return
		}
		if e := fs.Set(f.Name, v); e != nil {
			err = fmt.Errorf("environment variable %s=%q: %v", name, v, e)
		}
	})
	return err
}
