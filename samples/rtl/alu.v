// An 8-bit ALU: op selects add, subtract, and, or, xor, shift left, set-less-than, pass b.
module alu (
    input  [7:0] a,
    input  [7:0] b,
    input  [2:0] op,
    output reg [7:0] y,
    output zero
);
    always @(*) begin
        case (op)
            3'd0: y = a + b;
            3'd1: y = a - b;
            3'd2: y = a & b;
            3'd3: y = a | b;
            3'd4: y = a ^ b;
            3'd5: y = a << b[2:0];
            3'd6: y = (a < b) ? 8'd1 : 8'd0;
            default: y = b;
        endcase
    end
    assign zero = (y == 8'd0);
endmodule
