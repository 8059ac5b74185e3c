"""Small reusable widgets: date entry, status badges, form builders."""
