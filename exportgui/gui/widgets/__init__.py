"""The shared kit: task runner, colours and message label, base table model and small widgets."""
