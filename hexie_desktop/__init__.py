"""和谐调解 Desktop — offline labour-dispute mediation for township offices."""

__version__ = "0.1.0"
