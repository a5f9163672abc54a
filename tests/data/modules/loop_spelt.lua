-- A module that requires itself under another spelling of its name: test_sandbox.lua
-- expects "requires itself", not a C stack overflow.
return require "modules/loop_spelt"
