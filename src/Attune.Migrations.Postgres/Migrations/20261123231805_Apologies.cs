using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Apologies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "apologies",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    what_happened = table.Column<byte[]>(type: "bytea", nullable: true),
                    my_part = table.Column<byte[]>(type: "bytea", nullable: true),
                    impact = table.Column<byte[]>(type: "bytea", nullable: true),
                    next_time = table.Column<byte[]>(type: "bytea", nullable: true),
                    answer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    forgiven_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apologies", x => new { x.couple_id, x.id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "apologies");
        }
    }
}
