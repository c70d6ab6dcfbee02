console.log("vigil test console");
