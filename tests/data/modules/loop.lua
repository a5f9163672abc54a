-- A module that requires itself: test_sandbox.lua expects "requires itself".
return require "modules.loop"
