"""What intervision adds to the rest of leernet; ``intervision.init_app`` names each one."""
