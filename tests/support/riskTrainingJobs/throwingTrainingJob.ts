throw new Error("training blew up (test)");
